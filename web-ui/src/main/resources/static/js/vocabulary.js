// The words the pages use for the record's codes: roles, layers, spheres, outcomes, kinds of entry.

export const ROLE_NAMES = {
  OPERATOR: 'operator', ADMIN: 'administrator', PLACE_MEMBER: 'place member',
  LEARNING_PARTNER: 'learning partner', FUNDER: 'funder',
};

export const LAYERS = {
  WHOLE_INITIATIVE: 'The whole programme',
  PLACE_NETWORK: 'The place network',
  FUNDERS_AND_FUNDING_SYSTEM: 'Funders and how funding works',
  INDIVIDUALS: 'Individuals',
};

export const SPHERES = {
  INDIVIDUAL: 'In ourselves',
  PARTNERSHIP: 'In how the partnership works',
  COMMUNITY: 'In what we do in the wider community',
};

export const OUTCOMES = {
  WORKING: 'Working', MIXED: 'Mixed', NOT_WORKING: 'Not working', TOO_SOON: 'Too soon to say',
};

export const KINDS = {
  'insight-recorded': 'Insight recorded',
  'insight-revised': 'Insight revised',
  'insight-retracted': 'Insight withdrawn',
  'practice-adopted': 'New practice',
  'practice-adapted': 'Practice changed',
  'practice-retired': 'Practice stopped',
  'outcome-reviewed': 'Outcome reviewed',
  'learning-shared': 'Learning shared',
  'shared-learning-adopted': 'Shared learning taken up',
  'learning-taken-up': 'Our learning taken up elsewhere',
  'shared-learning-endorsement': 'Endorsed',
  'shared-learning-question': 'Question asked',
  'shared-learning-comment': 'Comment',
  'sensemaking-held': 'Sensemaking session',
};

export function kindName(kind) {
  return KINDS[kind] || String(kind || '').replace(/-/g, ' ');
}
