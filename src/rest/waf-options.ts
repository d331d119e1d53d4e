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
}
