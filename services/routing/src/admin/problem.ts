import type { FastifyReply } from 'fastify'
import type { z } from 'zod'

export interface ProblemIssue {
  path: string
  message: string
}

/** RFC 9457 problem details; `type` is a stable code an integrator can switch on. */
export function problem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: readonly ProblemIssue[],
) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `https://leadwire.dev/problems/${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      ...(errors ? { errors } : {}),
    })
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
}

export const zodIssues = (error: z.ZodError): ProblemIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }))
