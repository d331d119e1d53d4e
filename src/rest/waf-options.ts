import * as logs from 'aws-cdk-lib/aws-logs';

/** The web application firewall in front of a REST API stage. */
export interface WafOptions {
  /**
   * Whether a WebACL protects the stage.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * An existing regional WebACL to associate instead of creating one.
   * @default - a WebACL with the AWS managed common, known-bad-inputs and IP-reputation rule groups and a per-IP rate limit
   */
  readonly webAclArn?: string;
  /**
   * Requests one client IP may send in any 5-minute window before it is blocked (created WebACL only).
   * @default 2000
   */
  readonly rateLimitPerIp?: number;
  /**
   * Log every request the created WebACL inspects to a CloudWatch log group named `aws-waf-logs-...` (the prefix
   * AWS WAF requires), with the `authorization` and `cookie` headers redacted.
   * @default false
   */
  readonly logging?: boolean;
  /**
   * Retention of the WAF log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
}
