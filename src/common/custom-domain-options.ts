import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** Mutual TLS: clients must present a certificate that chains to one in the truststore. */
export interface MutualTlsOptions {
  /**
   * The bucket holding the truststore. API Gateway reads it with the permissions of whoever deploys the domain,
   * so nothing is granted on it.
   */
  readonly truststoreBucket: s3.IBucket;
  /** The key of the truststore object: a PEM file of the trusted CA certificates. */
  readonly truststoreKey: string;
  /**
   * The version of the truststore object to use (the bucket must be versioned). Pin a version to roll out a new
   * truststore by changing this value: API Gateway reads the truststore only when the domain is updated.
   * @default - the latest version at the time the domain is created or updated
   */
  readonly truststoreVersion?: string;
}

/** A custom domain's name, certificate, DNS zone and client authentication. */
export interface ApiCustomDomainOptions {
  /** The custom domain name, lowercase, e.g. `api.example.com`, or a wildcard such as `*.example.com`. */
  readonly domainName: string;
  /**
   * The ACM certificate for `domainName`: in the stack's region for a REGIONAL domain, in us-east-1 for an EDGE one.
   * With mutual TLS it must be a public certificate issued by ACM.
   * @default - a certificate for `domainName`, validated by DNS in `hostedZone`
   */
  readonly certificate?: acm.ICertificate;
  /**
   * The public hosted zone that contains `domainName`; an alias A record for the domain is created in it.
   * @default - no DNS record is created (point your DNS at `domainName.domainNameAliasDomainName`), and `certificate` is required
   */
  readonly hostedZone?: route53.IHostedZone;
  /**
   * Require every client to present a certificate trusted by a truststore in S3 (REGIONAL domains only). Also disable
   * the default `execute-api` endpoint of the mapped APIs, or clients can bypass mutual TLS through it.
   * @default - no mutual TLS: clients are not asked for a certificate
   */
  readonly mutualTls?: MutualTlsOptions;
}

/** A custom domain created for one API, whose stage it serves under a base path. */
export interface CustomDomainOptions extends ApiCustomDomainOptions {
  /**
   * The path under the domain that serves the stage, e.g. `orders` or `orders/v1`.
   * @default - the root of the domain
   */
  readonly basePath?: string;
}
