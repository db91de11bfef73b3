import type { ModelParams } from './model.ts'

/**
 * Configured parameters for a store that has not been trained yet (`train-model.ts` learns
 * its own by EM). m and u are per level, in the order comparisons.ts lists them; the values
 * follow what EM finds on public person data, rounded, with identifiers (email, phone) made
 * decisive on their own and names only together with a second field.
 */
export const defaultParams: ModelParams = {
  // Chance that a new lead and one stored lead picked at random are the same person.
  prior: 1e-5,
  comparisons: {
    firstName: {
      m: [0.8, 0.05, 0.06, 0.01, 0.03, 0.01, 0.04],
      u: [0.01, 0.003, 0.005, 0.0005, 0.02, 0.01, 0.9515],
    },
    lastName: { m: [0.85, 0.06, 0.01, 0.02, 0.02, 0.04], u: [0.002, 0.003, 0.0005, 0.005, 0.01, 0.9795] },
    dob: { m: [0.85, 0.08, 0.01, 0.03, 0.03], u: [0.0001, 0.002, 0.00001, 0.02, 0.97789] },
    email: { m: [0.8, 0.05, 0.05, 0.1], u: [1e-7, 1e-6, 1e-4, 0.9998989] },
    phone: { m: [0.8, 0.02, 0.18], u: [1e-7, 1e-5, 0.9999899] },
    nationalId: { m: [0.9, 0.05, 0.02, 0.03], u: [1e-7, 1e-5, 1e-4, 0.9998899] },
    streetNumber: { m: [0.9, 0.1], u: [0.02, 0.98] },
    street: { m: [0.8, 0.1, 0.05, 0.05], u: [0.001, 0.002, 0.01, 0.987] },
    address2: { m: [0.8, 0.1, 0.1], u: [0.001, 0.003, 0.996] },
    city: { m: [0.85, 0.07, 0.03, 0.05], u: [0.02, 0.005, 0.02, 0.955] },
    postcode: { m: [0.85, 0.08, 0.07], u: [0.001, 0.01, 0.989] },
    region: { m: [0.95, 0.05], u: [0.2, 0.8] },
    country: { m: [0.97, 0.03], u: [0.3, 0.7] },
    company: { m: [0.6, 0.15, 0.1, 0.05, 0.1], u: [0.001, 0.002, 0.005, 0.003, 0.989] },
    domain: { m: [0.85, 0.15], u: [0.001, 0.999] },
  },
}
