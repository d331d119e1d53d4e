export * from './api-gateway-cloudwatch-role';
