import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
  ArrayMinSize,
  IsDefined,
} from 'class-validator';
import { CleanText, NoNul, Optional, PageQueryDto, SafeText, StorableDate } from '@harbour/common';
import {
  ALERT_SEVERITIES,
  type AlertFeedQuery,
  type AlertRegionDto as AlertRegionContract,
  type AlertRegionsBody,
  type AlertReportStatus,
  type AlertReportsQuery,
  type AlertSeverity,
  type AlertsQuery,
  type AlertSubscriptionBody,
  type AlertUnsubscribeBody,
  type CreateAlertBody,
  type CreateAlertReportBody,
  type Exactly,
  type Parsed,
  type UpdateAlertBody,
} from '@harbour/contracts';

/** A region code as the site's list writes them (`CA-BC`); whether it is on the list is the service's question. */
const REGION_CODE = /^[A-Z0-9][A-Z0-9-]{0,15}$/;
const REGION_MESSAGE = (field: string) => `${field} must be region codes such as CA-BC`;
/** Regions one alert may name: every region of a large list, with room. */
const MAX_REGIONS = 100;

export class CreateAlertDto implements Exactly<Parsed<CreateAlertBody, { expiresAt: Date }>, CreateAlertDto> {
  @CleanText() @IsString() @Length(1, 200) @SafeText() title: string;
  @Optional() @CleanText() @IsString() @Length(1, 200) @SafeText() titleFr?: string;
  /** Plain text; lines and spacing are the team's (only NUL is refused). */
  @IsString() @IsNotEmpty() @MaxLength(10_000) @NoNul() body: string;
  @Optional() @IsString() @IsNotEmpty() @MaxLength(10_000) @NoNul() bodyFr?: string;
  @CleanText() @IsString() @Length(1, 200) @SafeText() substance: string;
  @Optional() @CleanText() @IsString() @Length(1, 1000) @SafeText() appearance?: string;
  @Optional() @CleanText() @IsString() @Length(1, 1000) @SafeText() testResult?: string;
  @IsIn(ALERT_SEVERITIES, { message: 'severity must be one of info, warning, danger' }) severity: AlertSeverity;
  @IsArray({ message: REGION_MESSAGE('regions') })
  @ArrayMinSize(1, { message: 'regions must name at least one region' })
  @ArrayMaxSize(MAX_REGIONS)
  @IsString({ each: true, message: REGION_MESSAGE('regions') })
  @Matches(REGION_CODE, { each: true, message: REGION_MESSAGE('regions') })
  regions: string[];
  @Type(() => Date) @IsDate({ message: 'expiresAt must be a date (ISO 8601)' }) @StorableDate() expiresAt: Date;
  @Optional() @IsUUID('all', { message: 'fromReportId must be an id' }) fromReportId?: string;
}

/** Any subset; `null` removes an optional text (titleFr, bodyFr, appearance, testResult), never a required one. */
export class UpdateAlertDto implements Exactly<Parsed<UpdateAlertBody, { expiresAt?: Date }>, UpdateAlertDto> {
  @Optional() @CleanText() @IsString() @Length(1, 200) @SafeText() title?: string;
  @IsOptional() @CleanText() @IsString() @Length(1, 200) @SafeText() titleFr?: string | null;
  @Optional() @IsString() @IsNotEmpty() @MaxLength(10_000) @NoNul() body?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(10_000) @NoNul() bodyFr?: string | null;
  @Optional() @CleanText() @IsString() @Length(1, 200) @SafeText() substance?: string;
  @IsOptional() @CleanText() @IsString() @Length(1, 1000) @SafeText() appearance?: string | null;
  @IsOptional() @CleanText() @IsString() @Length(1, 1000) @SafeText() testResult?: string | null;
  @Optional() @IsIn(ALERT_SEVERITIES, { message: 'severity must be one of info, warning, danger' }) severity?: AlertSeverity;
  @Optional()
  @IsArray({ message: REGION_MESSAGE('regions') })
  @ArrayMinSize(1, { message: 'regions must name at least one region' })
  @ArrayMaxSize(MAX_REGIONS)
  @IsString({ each: true, message: REGION_MESSAGE('regions') })
  @Matches(REGION_CODE, { each: true, message: REGION_MESSAGE('regions') })
  regions?: string[];
  @Optional() @Type(() => Date) @IsDate({ message: 'expiresAt must be a date (ISO 8601)' }) @StorableDate() expiresAt?: Date;
}

export class AlertsQueryDto extends PageQueryDto implements Exactly<AlertsQuery, AlertsQueryDto> {
  @Optional() @IsString() @Matches(REGION_CODE, { message: 'region must be a region code such as CA-BC' }) region?: string;
  @Optional() @IsIn(['true', 'false'], { message: 'active must be true or false' }) active?: 'true' | 'false';
}

export class AlertFeedQueryDto implements Exactly<AlertFeedQuery, AlertFeedQueryDto> {
  @Optional() @IsString() @Matches(REGION_CODE, { message: 'region must be a region code such as CA-BC' }) region?: string;
}

export class AlertRegionItemDto implements Exactly<AlertRegionContract, AlertRegionItemDto> {
  @IsString({ message: 'regions[].code must be a region code such as CA-BC' })
  @Matches(REGION_CODE, { message: 'regions[].code must be a region code such as CA-BC (capitals, digits, dashes; 16 at most)' })
  code: string;
  @CleanText() @IsString() @Length(1, 80) @SafeText() name: string;
  @CleanText() @IsString() @Length(1, 80) @SafeText() nameFr: string;
}

export class UpdateAlertRegionsDto implements Exactly<AlertRegionsBody, UpdateAlertRegionsDto> {
  @IsDefined({ message: 'regions must be a list of { code, name, nameFr }' })
  @IsArray({ message: 'regions must be a list of { code, name, nameFr }' })
  @ArrayMinSize(1, { message: 'regions must name at least one region' })
  @ArrayMaxSize(MAX_REGIONS)
  @ValidateNested({ each: true })
  @Type(() => AlertRegionItemDto)
  regions: AlertRegionItemDto[];
}

export class AlertSubscriptionDto implements Exactly<AlertSubscriptionBody, AlertSubscriptionDto> {
  @IsArray({ message: REGION_MESSAGE('regions') })
  @ArrayMaxSize(MAX_REGIONS)
  @IsString({ each: true, message: REGION_MESSAGE('regions') })
  @Matches(REGION_CODE, { each: true, message: REGION_MESSAGE('regions') })
  regions: string[];
  @Optional() @IsBoolean({ message: 'alertsOff must be true or false' }) alertsOff?: boolean;
}

export class AlertUnsubscribeDto implements Exactly<AlertUnsubscribeBody, AlertUnsubscribeDto> {
  @Optional() @IsString() @MaxLength(500) token?: string;
  @Optional() @IsString() @MaxLength(20) 'List-Unsubscribe'?: string;
}

export class CreateAlertReportDto implements Exactly<CreateAlertReportBody, CreateAlertReportDto> {
  @IsString({ message: 'region must be a region code such as CA-BC' })
  @Matches(REGION_CODE, { message: 'region must be a region code such as CA-BC' })
  region: string;
  @CleanText() @IsString() @Length(1, 200) @SafeText() substance: string;
  @IsString() @IsNotEmpty() @MaxLength(4000) @NoNul() description: string;
  @Optional() @CleanText() @IsString() @Length(1, 300) @SafeText() contact?: string;
}

export class AlertReportsQueryDto extends PageQueryDto implements Exactly<AlertReportsQuery, AlertReportsQueryDto> {
  @Optional()
  @IsIn(['open', 'dismissed', 'closed'], { message: 'status must be one of open, dismissed, closed' })
  status?: AlertReportStatus;
}
