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
  ['vp', / (vp|svp|evp|avp) /],
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
    / legal | counsel | attorney | lawyer | paralegal | compliance | juridique | juridico | abogad[oa] | avocat | clo /,
  ],
  [
    'hr',
    / hr | chro | human resources | people | talent | recruit[a-z]* | payroll | recursos humanos | ressources humaines /,
  ],
  ['operations', / (revenue|sales|business) operations | revops | salesops /],
  ['sales', / sales | inside sales | presales | pre sales /],
  [
    'marketing',
    / marketing | cmo | demand gen[a-z]* | growth | brand | content | seo | sem | communications? | pr | public relations | social media | events | mercadotecnia /,
  ],
  [
    'it',
    / it | cio | ciso | information technology | information systems | chief information officer | information security | infosec | security | cyber ?security | sysadmin | dba | database | systems? administrator | network | help ?desk | desktop support | informatique | informatica | sistemas | edv /,
  ],
  [
    'finance',
    / finance | financial | cfo | accountant | accounting | controller | comptroller | treasur[a-z]* | tax | audit(or)? | fp and a | bookkeep[a-z]* | payable | receivable | billing | finanzas | finances | finanzen | contabil[a-z]* | comptab[a-z]* /,
  ],
  [
    'sales',
    / sdr | bdr | ae | business development | account executive | account manag[a-z]* | account director | key account | revenue | cro | commercial | comercial | ventas | vendas | vendite | vertrieb[a-z]* | verkauf | partnerships? | channel | solutions? (consultant|engineer|architect) /,
  ],
  [
    'support',
    / support | customer success | customer service | customer experience | customer care | client services /,
  ],
  [
    'engineering',
    / engineer[a-z]* | developer | dev | devops | sre | software | programmer | architect | data | cto | technology | technical | tech | qa | quality assurance | ingeniero | ingenieur | developpeur | desarrollador | entwickler | research /,
  ],
  ['product', / product | cpo | ux | ui | designer | design | user research | produit | producto /],
  [
    'operations',
    / operations | operating | coo | supply chain | logistics | procurement | purchasing | compras | facilities | office manager | operaciones | project manag[a-z]* | program manag[a-z]* /,
  ],
  [
    'executive',
    / ceo | chief | founder | cofounder | owner | president | managing director | general manager | partner | chair[a-z]* | executive director | pdg | gerente general | geschaftsfuhrer(in)? | directeur general | director general /,
  ],
]
