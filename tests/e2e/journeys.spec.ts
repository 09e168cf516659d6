// Manager journeys (shared/personas.md; the steps are in journey.ts): P1 and P4 in English
// on a desktop; P1 again in Simplified Chinese on a phone, chosen from the browser's
// preferred language.
import { journeys, journeyTest } from './journey';

for (const j of journeys) journeyTest(j);
