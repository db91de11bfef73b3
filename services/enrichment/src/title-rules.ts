import type { Department } from '@leadwire/contracts'
import type { Seniority } from './title.ts'

// Rules run on a normalised title (see normaliseTitle): lower-case ASCII words padded with one
// space each side, 'vice president' folded to 'vp', common abbreviations spelled out. The
// first matching rule wins, so exceptions sit above the rules they override.

export const seniorityRules: ReadonlyArray<readonly [Seniority, RegExp]> = [
  // Assistants to an executive and scrum "owners" are not the executive or an owner.
  [
    'individual_contributor',
    / (executive|personal|administrative|admin) assistant | assistant to | (product|process) owner /,
  ],
  ['director', / chief of staff /],
  [
    'c_level',
    / (ceo|cto|cfo|coo|cmo|cro|cio|ciso|cpo|cso|cdo|cco|chro|cxo|clo) | chief [a-z ]*(officer|executive) | (co ?)?founder | owner | president | presidente | (managing|senior|general|founding) partner | managing director | (directeur|director|directora) general[ea]? | pdg | gerente general | geschaftsfuhrer(in)? | vorstand | chair(man|woman|person)? of the board | chair(man|woman|person) /,
  ],
  ['c_level', /^ partner $| (?<!(associate|assistant|deputy) )general counsel /],
  ['vp', / (vp|svp|evp|avp|rvp|gvp) /],
  [
    'director',
    / director[a]? | directeur | directrice | direttore | direttrice | diretor[a]? | direktor(in)? | head | general manager | [a-z]*leiter(in)? /,
  ],
  [
    'manager',
    / manager | gerente | responsable | jefe | jefa | supervisor | superintendent | (team|group|squad) lead(er)? | leader | foreman /,
  ],
]

export const departmentRules: ReadonlyArray<readonly [Department, RegExp]> = [
  [
    'legal',
    / legal | counsel | attorney | lawyer | paralegal | compliance | contracts | juridique | juridico | abogad[oa] | avocat | clo /,
  ],
  [
    'hr',
    / hr | chro | human resources | people | talent | recruit[a-z]* | payroll | recursos humanos | ressources humaines /,
  ],
  ['operations', / (revenue|sales|business) operations | revops | salesops /],
  ['sales', / sales | inside sales | presales | pre sales /],
  ['support', / chief customer officer /],
  [
    'marketing',
    / marketing | cmo | demand gen[a-z]* | growth | brand | content | copywriter | seo | sem | communications? | pr | public relations | social media | events | graphic design(er)? | mercadotecnia /,
  ],
  [
    'it',
    / it | cio | ciso | information technology | information systems | chief information officer | information security | infosec | security | cyber ?security | infrastructure | sysadmin | dba | database | systems? (administrator|manager|analyst) | network | help ?desk | desktop support | informatique | informatica | sistemas | systemes d information | dsi | edv /,
  ],
  [
    'finance',
    / finance | financial | cfo | accountant | accounting | controller | comptroller | treasur[a-z]* | tax | audit(or)? | fp and a | bookkeep[a-z]* | payable | receivable | billing | financier | finanzas | finances | finanzen | contab[a-z]* | comptab[a-z]* | buchhalt[a-z]* /,
  ],
  [
    'sales',
    / sdr | bdr | ae | business development | account executive | account manag[a-z]* | account director | key account | revenue | cro | commercial[e]? | comercial | ventas | vendas | vendite | vertrieb[a-z]* | verkauf | partnerships? | partner (manager|development|sales) | channel | territory | solutions? (consultant|engineer|architect) /,
  ],
  [
    'support',
    / support | customer success | customer service | customer experience | customer care | client services /,
  ],
  // Before engineering, so a 'Technical Product Manager' runs a product, not a codebase.
  ['product', / product (manag[a-z]*|owner) /],
  [
    'engineering',
    / engineer[a-z]* | developer | dev | devops | sre | software | programmer | architect | data | cto | technology | technical | tech | qa | quality assurance | ingeniero | ingenieur | developpeur | desarrollador | [a-z]*entwickler(in)? | scrum master | research /,
  ],
  ['product', / product | cpo | ux | ui | designer | design | user research | produit | producto /],
  [
    'operations',
    / operations | operating | coo | supply chain | logistics | procurement | purchasing | einkauf | compras | facilities | office manager | operaciones | project (manag[a-z]*|coordinator) | program manag[a-z]* /,
  ],
  [
    'executive',
    / ceo | chief | founder | cofounder | owner | president | managing director | general manager | partner | chair[a-z]* | executive director | executive assistant | pdg | gerente general | geschaftsfuhrer(in)? | vorstand | presidente | (directeur|director|directora) general[ea]? /,
  ],
]
