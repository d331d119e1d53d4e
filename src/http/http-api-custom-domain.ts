import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';

/** What `SecureHttpApi` creates for its `customDomain`. */
export interface HttpApiCustomDomain {
  /** The API Gateway domain name (TLS 1.2). */
  readonly domainName: apigatewayv2.DomainName;
  /** The certificate the domain serves, given or created. */
  readonly certificate: acm.ICertificate;
  /** The mapping of the API's stage to the domain, under `basePath` if given. */
  readonly apiMapping: apigatewayv2.ApiMapping;
  /**
   * The alias record pointing the domain at API Gateway.
   * @default - no record when `customDomain` has no `hostedZone`
   */
  readonly aliasRecord?: route53.ARecord;
  /** The URL of the stage on the domain, e.g. `https://api.example.com/orders/`. */
  readonly url: string;
}
