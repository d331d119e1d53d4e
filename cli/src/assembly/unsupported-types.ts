import { AssemblyError } from './errors';
import { ResourceIndex, TemplateResource } from './resources';
import { AffectedRoutes, UnsupportedReport } from './unsupported';

/**
 * API Gateway resources the model does not hold, with what is and is not served. Resources of other services (roles,
 * log groups, tables, WAF) and those with no effect on requests (documentation, account settings) are not listed.
 */
const UNSUPPORTED_TYPES: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::DomainName': 'custom domain names are not served; the APIs are served at their local execute-api URLs',
  'AWS::ApiGateway::DomainNameV2': 'custom domain names are not served; the APIs are served at their local execute-api URLs',
  'AWS::ApiGateway::BasePathMapping': 'base path mappings of custom domains are not served; the APIs are served at their local execute-api URLs',
  'AWS::ApiGateway::BasePathMappingV2': 'base path mappings of custom domains are not served; the APIs are served at their local execute-api URLs',
  'AWS::ApiGateway::DomainNameAccessAssociation': 'private custom domain associations are not served; the APIs are served at their local execute-api URLs',
  'AWS::ApiGateway::VpcLink': 'VPC links are not served; integrations through them fail',
  'AWS::ApiGateway::ClientCertificate': 'client certificates are not presented to backends; Lambda integrations are served without them',
  'AWS::ApiGatewayV2::DomainName': 'custom domain names are not served; the APIs are served at their local execute-api URLs',
  'AWS::ApiGatewayV2::ApiMapping': 'API mappings of custom domains are not served; the APIs are served at their local execute-api URLs',
  'AWS::ApiGatewayV2::RoutingRule': 'routing rules of custom domains are not served; the APIs are served at their local execute-api URLs',
  'AWS::ApiGatewayV2::VpcLink': 'VPC links are not served; integrations through them fail',
  'AWS::ApiGatewayV2::ApiGatewayManagedOverrides': 'overrides of quick-create resources are not applied; the quick-create route and stage are served as created',
};

/** The property naming the API a custom domain's mapping routes to, by mapping type. */
const MAPPED_API_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::BasePathMapping': 'RestApiId',
  'AWS::ApiGateway::BasePathMappingV2': 'RestApiId',
  'AWS::ApiGatewayV2::ApiMapping': 'ApiId',
};

/** Every route of the API a mapping routes to (those the custom domain would serve); none when the API is unknown. */
function mappedApi(resource: TemplateResource): AffectedRoutes {
  const property = MAPPED_API_PROPERTY[resource.type];
  if (property === undefined) return [];
  try {
    const apiId = resource.properties().optionalString(property);
    return apiId === undefined ? [] : { apiId };
  } catch (error) {
    if (error instanceof AssemblyError) return [];
    throw error;
  }
}

/** Reports the API Gateway resources the runtime does not serve, and SAM resources, which are not transformed. */
export function reportUnsupportedTypes(index: ResourceIndex, report: UnsupportedReport): void {
  for (const resource of index.all()) {
    const reason = UNSUPPORTED_TYPES[resource.type];
    if (reason) report.add(resource.origin, resource.type, reason, mappedApi(resource));
    if (resource.type.startsWith('AWS::Serverless::')) {
      report.add(resource.origin, resource.type, 'SAM resources are not transformed, so this one is not served; plain CloudFormation resources are');
    }
  }
}
