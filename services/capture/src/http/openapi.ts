import type { SwaggerOptions } from '@fastify/swagger'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/** OpenAPI 3.1 from the routes' zod schemas: the document and the code cannot drift apart. */
export const openapiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'leadwire capture API',
      version: '1.0.0',
      description: [
        'The front door for web forms, integrations and CRM feedback.',
        'A 202 means the lead (or report) is committed with its outbox event and will reach Kafka even if Kafka is down right now.',
        'Every error is RFC 9457 `application/problem+json` naming each bad field.',
        'Keys: a public form key (`?key=lwpk_…`) may only create leads, from its own origins; a secret key (`Authorization: Bearer lwsk_…`) is for servers, with scopes.',
      ].join('\n\n'),
    },
    tags: [
      { name: 'leads', description: 'Leads in, and read back' },
      { name: 'feedback', description: 'What the CRM and the product report back about a lead' },
    ],
    components: {
      securitySchemes: {
        secretKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A secret key (lwsk_…) for server-to-server calls; scopes: leads:create, leads:batch, leads:read, feedback:write',
        },
        formKey: {
          type: 'apiKey',
          in: 'query',
          name: 'key',
          description: 'A public form key (lwpk_…): creates leads only, from the origins it lists',
        },
      },
    },
  },
  transform: jsonSchemaTransform,
  hideUntagged: true,
}
