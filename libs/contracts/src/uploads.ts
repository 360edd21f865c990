/** `POST /api/uploads` answers this; a post or message uses the file by `url` in its Markdown. */
export interface UploadDto {
  id: string;
  /** `/api/uploads/<id>`; a picture's small version is at `<url>/thumbnail`. */
  url: string;
  name: string;
  contentType: string;
  /** Bytes stored (a picture's after re-encoding). */
  size: number;
  width?: number;
  height?: number;
}
