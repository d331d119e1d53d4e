import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { check } from '../../private/errors';
import { PrivateEndpointOptions } from '../private-endpoint-options';

/** The endpoints a private API is reached through, and the one created for it, if any. */
export interface PrivateEndpoints {
  readonly endpoints: ec2.IInterfaceVpcEndpoint[];
  readonly created?: ec2.InterfaceVpcEndpoint;
}

/**
 * The execute-api endpoint created in each VPC: a VPC holds one endpoint with private DNS per service, so a second
 * one would fail at deployment.
 */
const createdEndpoints = new WeakMap<ec2.IVpc, ec2.InterfaceVpcEndpoint>();

/** Validates the endpoint options against the endpoint type and creates the VPC endpoint a private API needs. */
export function privateEndpointsFor(
  scope: Construct,
  endpointType: apigateway.EndpointType,
  options: PrivateEndpointOptions | undefined,
): PrivateEndpoints {
  if (endpointType !== apigateway.EndpointType.PRIVATE) {
    check(options === undefined, scope, 'PrivateEndpointOnPublicApi', () =>
      `privateEndpoint is set but endpointType is ${endpointType}; VPC endpoints only reach PRIVATE APIs, so set endpointType: EndpointType.PRIVATE or remove privateEndpoint`);
    return { endpoints: [] };
  }
  check(options !== undefined && (options.vpc !== undefined || (options.vpcEndpoints?.length ?? 0) > 0), scope, 'PrivateApiWithoutEndpoint', () =>
    `endpointType is PRIVATE but privateEndpoint ${options ? 'has neither vpc nor vpcEndpoints' : 'is not set'}; a private API is reachable only through an interface VPC endpoint: give privateEndpoint.vpc (an endpoint is created) or privateEndpoint.vpcEndpoints`);
  check(!(options.vpc && options.vpcEndpoints?.length), scope, 'PrivateEndpointAmbiguous', () =>
    'privateEndpoint has both vpc and vpcEndpoints; give vpcEndpoints to use existing endpoints, or vpc to create one, not both');
  check(!(options.subnets && !options.vpc), scope, 'PrivateEndpointSubnetsWithoutVpc', () =>
    'privateEndpoint.subnets is set without privateEndpoint.vpc; subnets choose where the created endpoint goes, so give the vpc too');
  if (!options.vpc) {
    return { endpoints: options.vpcEndpoints! };
  }
  const existing = createdEndpoints.get(options.vpc);
  check(existing === undefined, scope, 'SecondEndpointInVpc', () =>
    `privateEndpoint.vpc ${options.vpc!.node.path} already has the execute-api endpoint ${existing!.node.path}, and a VPC can hold only one with private DNS; pass it instead: privateEndpoint: { vpcEndpoints: [otherApi.vpcEndpoint] }`);
  const securityGroup = new ec2.SecurityGroup(scope, 'VpcEndpointSecurityGroup', {
    vpc: options.vpc,
    description: 'HTTPS to the execute-api endpoint from inside the VPC only',
    allowAllOutbound: false,
  });
  securityGroup.addIngressRule(ec2.Peer.ipv4(options.vpc.vpcCidrBlock), ec2.Port.tcp(443), 'HTTPS from the VPC');
  const created = new ec2.InterfaceVpcEndpoint(scope, 'VpcEndpoint', {
    vpc: options.vpc,
    service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY,
    privateDnsEnabled: true,
    subnets: options.subnets,
    securityGroups: [securityGroup],
    open: false,
  });
  createdEndpoints.set(options.vpc, created);
  return { endpoints: [created], created };
}
