/**
 * Everything a scenario uses, from one place: the test and its cells, the checks and their
 * dimensions, what the RP and the oracle give, and the security scenarios' mechanics. A scenario
 * imports from here alone; what it needs and this does not export belongs here first.
 */
export { rpCredentialId } from './browser/cdpCredential';
export { expectAnotherProviderAdvice } from './checks/expectAnotherProviderAdvice';
export { expectCreation } from './checks/expectCreation';
export { expectPasskeyOffer } from './checks/expectPasskeyOffer';
export { expectPasskeyShown } from './checks/expectPasskeyShown';
export { expectRefusalPage } from './checks/expectRefusalPage';
export { expectSignIn } from './checks/expectSignIn';
export { rpTimeDuring } from './checks/rpTimeDuring';
export { check, expect, forEveryCell, notApplicable, test } from './fixtures/cellTest';
export { ONCE_PER } from './matrix/checkedOnce';
export { environmentShownExpectation, isLeadingPart, versionIsTrue, versionsNamed } from './oracle/environmentShown';
export { NOT_NOW_HOLDS_SECONDS } from './oracle/passkeyOfferExpectation';
export { RpStepError } from './rp/adapter';
export { promptLeftOpen } from './world/promptLeftOpen';
export type { CreationView } from './rp/adapter';
export { signInWithAnswerHeld } from './security/answerHeld';
export { withValueAt } from './security/answerInBody';
export { interceptAnswer } from './security/answerInterception';
export { fromAnotherSite, tokenCut, tokenMadeUp, tokenTakenOut } from './security/csrfForgery';
export { bodyKind, contentType, fieldValues, fullWidthDigits, sendFrom, sendWithCookies, withFieldValue, withoutCsrfToken } from './security/forgedRequest';
export { holdFirstChange } from './security/heldRequest';
export type { CapturedRequest } from './security/heldRequest';
export { madeUpLink } from './security/madeUpLink';
export { LONG_FIELD_NAME, malformedBodies, nearMissBodies, withLongFieldName } from './security/malformedBodies';
export type { MalformedBody } from './security/malformedBodies';
export { bodilessAnswers, crossSiteMarks, crossSiteNavigation, endpointName, misdirectedAnswers, refusedRun, sendMalformed } from './security/malformedRun';
export type { Refusable } from './security/malformedRun';
export { OtherBrowser } from './security/otherBrowser';
export { passkeyIdsListed } from './security/passkeysListed';
export { cookiesWhenAnswering } from './security/sessionCookies';
export { SetCookieLog } from './security/setCookieLog';
export { badlySigned, forged, replayed, resigned, SignInProbe } from './security/signInProbe';
export { expectNobodyLetIn, expectUsernameFirstRefused, lookAlikeOrigin, mustLetIn, PHISHING_ORIGIN, PHISHING_RP_ID, refusalOf, userVerificationNotRequired } from './security/signInRefusals';
export { brokenLinks, linksBackTo, readRefusedForm, submitStaleForm } from './security/staleForm';
export { rememberUserVerification, userVerificationAsked, userVerificationSeen } from './security/userVerificationAsked';
export { recordTraffic, signInAnswerStatus, signInOptionsTimeoutMs, webauthnEndpoints } from './security/webauthnTraffic';
export type { Exchange } from './security/webauthnTraffic';
