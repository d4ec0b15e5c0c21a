// Oversized and malformed bodies on every WebAuthn endpoint: whatever arrives, the RP answers with a
// 4xx, never a 5xx or silence, and nothing changes: nobody is signed in, the account keeps its
// passkeys, and the user still signs in. The endpoints are the ones the RP's own pages used (found by
// shape: an answer carrying a challenge, a body carrying a PublicKeyCredential), and each malformed
// body goes with the page's own cookies and headers (its CSRF token), so it reaches the endpoint's code.
// A body that is no JSON object (an array, null, a number, no JSON at all) is refused outright, never
// taken; so are near misses of the page's own request: its body as an array or a JSON string, and
// its body sent as from another page (another port of the same host, no Origin but Sec-Fetch-Site
// cross-site, a look-alike host, the opaque origin) each get a 4xx that says why in words. A POST
// with no body at all (no Content-Length, as `curl -X POST` sends it) is answered, never with a 5xx;
// so is one more field with a name 10,000 characters long, and no answer echoes that name back whole.
// Before any of them, the user signs in by the passkey alone (an options request without a username).
// And the RP's page asked for under a host name not its own (DNS rebinding) is not served: the RP
// redirects to its own origin or refuses with a 4xx. Opened from a link on another site, it is served.
// The provider and sync state do not reach how the RP reads requests: it runs once per environment.
import {
  badlySigned,
  bodilessAnswers,
  check,
  contentType,
  crossSiteMarks,
  crossSiteNavigation,
  endpointName,
  type Exchange,
  expect,
  forEveryCell,
  interceptAnswer,
  LONG_FIELD_NAME,
  malformedBodies,
  type MalformedBody,
  misdirectedAnswers,
  nearMissBodies,
  notApplicable,
  ONCE_PER,
  passkeyIdsListed,
  recordTraffic,
  type Refusable,
  refusedRun,
  RpStepError,
  sendMalformed,
  SignInProbe,
  test,
  webauthnEndpoints,
  withLongFieldName,
  withValueAt,
} from '../harness/scenario';

/** At least this many bodies in all, spread over the endpoints found. */
const BODIES = 1_000;
/**
 * Time each body may add to the test's own budget: a loaded machine takes several times a quiet one's
 * (docs/speed.md), so the budget grows with the bodies, not with luck.
 */
const BUDGET_PER_BODY_MS = 40;
/** Fixed, so every run sends the same bodies; change it to explore others. */
const SEED = 20_241_201;

forEveryCell(() => {
  test('malformed bodies on every WebAuthn endpoint: only 4xx, and nothing changes', { tag: [ONCE_PER.environment, '@safe', '@works'] }, async ({ rp, authenticator, username, page }) => {
    test.setTimeout(test.info().timeout + BODIES * BUDGET_PER_BODY_MS);
    // The passkey alone: an options request without a username, the page's own near miss of the bodies
    // below. Before the refused sign-up leaves a passkey the RP never took in the provider's list.
    await check('works', 'register a passkey, and sign in again by the passkey alone', async () => {
      await rp.register(username);
      await rp.signOut();
      await rp.signIn('discoverable', username);
      expect(await rp.signedInAs()).toBe(username);
    });
    const before = await passkeyIdsListed(rp);
    await rp.signOut();

    const exchanges: Exchange[] = await test.step('learn the endpoints from a sign-in and a sign-up the RP refuses (the session stays the same)', async () => {
      const seen: Exchange[] = [];
      const signIn = await recordTraffic(page, () => new SignInProbe(rp, authenticator, notApplicable).signIn(username, badlySigned));
      expect(signIn.outcome.letIn, 'an answer with a bad signature signed the user in').toBe(false);
      seen.push(...signIn.exchanges);
      const signUp = await recordTraffic(page, () =>
        interceptAnswer(page, 'create', (answer) => withValueAt(answer.body, [...answer.where.path, 'response', 'attestationObject'], 'bm90IENCT1I'), () => rp.register(`${username}-new`)),
      );
      const refused = signUp.outcome.outcome;
      if (refused.status === 'fulfilled') throw new Error(`${rp.name} created an account from a registration answer whose attestation object is not CBOR`);
      if (!(refused.reason instanceof RpStepError)) throw refused.reason;
      seen.push(...signUp.exchanges);
      return seen;
    });
    const endpoints = webauthnEndpoints(exchanges).filter((e) => e.exchange.body !== null);
    if (!endpoints.length) notApplicable(`no WebAuthn request with a body was recognised in ${rp.name}'s traffic (options answered with a "challenge", or a body carrying a PublicKeyCredential)`);

    await test.step(`${BODIES} malformed bodies to ${endpoints.map(endpointName).join(', ')}: only 4xx`, async () => {
      const each = Math.ceil(BODIES / endpoints.length);
      const work = endpoints.map((endpoint, index) => ({
        endpoint,
        bodies: malformedBodies({ body: endpoint.exchange.body ?? '', contentType: contentType(endpoint.exchange) }, each, SEED + index),
      }));
      const run = await sendMalformed(page, work);
      test.info().annotations.push({ type: 'note', description: `${run.sent} malformed bodies; answers: ${JSON.stringify(run.statuses)}` });
      expect(run.sent).toBeGreaterThanOrEqual(BODIES);
      const shown = run.misanswers.slice(0, 5).map((m) => `${m.endpoint} (${m.kind}): ${m.answer}`);
      expect(shown, `${run.misanswers.length} of ${run.sent} malformed bodies got a 5xx or no answer`).toEqual([]);
      const taken = run.accepted.slice(0, 5).map((m) => `${m.endpoint} (${m.kind}): ${m.answer}`);
      expect.soft(taken, `${run.accepted.length} bodies that are no JSON object were taken (2xx or 3xx), not refused`).toEqual([]);
    });
    await check('safe', 'a POST with no body at all, as curl -X POST sends it: answered, never a 5xx', async () => {
      const broken = (await bodilessAnswers(page, endpoints)).filter((a) => typeof a.answer === 'string' || a.answer >= 500).map((a) => `${a.endpoint}: ${a.answer}`);
      expect.soft(broken, 'POSTs with no body that got a 5xx or no answer').toEqual([]);
    });
    await check('safe', "the RP's page asked for under another host name (DNS rebinding): redirected to the RP's own origin, or refused with a 4xx", async () => {
      const served = (await misdirectedAnswers(page, rp.url)).filter((a) => !a.refused).map((a) => `${a.method}: ${a.status}${a.location === null ? '' : ` to ${a.location}`}`);
      expect.soft(served, "requests for the RP's page under another host name that it served").toEqual([]);
    });
    await check('works', "the RP's page opened from a link on another site is served: only state-changing requests are refused as from another site", async () => {
      const status = await crossSiteNavigation(page, rp.url);
      expect.soft(typeof status === 'number' && status < 400, `the page opened from another site's link was answered ${status}`).toBe(true);
    });
    await test.step('near misses of the page\'s own requests: each refused with a 4xx that says why', async () => {
      const requests: Refusable[] = endpoints.flatMap((endpoint) => {
        const template = { body: endpoint.exchange.body ?? '', contentType: contentType(endpoint.exchange) };
        const own: MalformedBody = { kind: 'the page\'s own body', contentType: template.contentType, body: Buffer.from(template.body) };
        return [
          ...nearMissBodies(template).map((body) => ({ endpoint, kind: body.kind, body })),
          ...crossSiteMarks(rp.url).map((mark) => ({ endpoint, kind: `the page's own body ${mark.kind}`, body: own, siteHeaders: mark.headers })),
        ];
      });
      const answers = await refusedRun(page, requests);
      const wrong = answers.filter((a) => typeof a.answer === 'string' || a.answer < 400 || a.answer >= 500).map((a) => `${a.endpoint}, ${a.kind}: ${a.answer}`);
      expect.soft(wrong, 'near misses answered other than with a 4xx').toEqual([]);
      const mute = answers.filter((a) => typeof a.answer === 'number' && a.answer >= 400 && a.answer < 500 && !a.saysWhy).map((a) => `${a.endpoint}, ${a.kind}: ${a.answer}`);
      expect.soft(mute, 'refusals that do not say why in words').toEqual([]);
    });
    const longNamed: Refusable[] = endpoints.flatMap((endpoint) => {
      const body = withLongFieldName({ body: endpoint.exchange.body ?? '', contentType: contentType(endpoint.exchange) });
      return body ? [{ endpoint, kind: body.kind, body, notEchoed: LONG_FIELD_NAME }] : [];
    });
    if (!longNamed.length) test.info().annotations.push({ type: 'note', description: 'no WebAuthn request sent a JSON object: a field with a long name is not tried' });
    else {
      await check('safe', `one more field, its name ${LONG_FIELD_NAME.length} characters long: answered, never a 5xx, and the name is not echoed back whole`, async () => {
        const answers = await refusedRun(page, longNamed);
        const broken = answers.filter((a) => typeof a.answer === 'string' || a.answer >= 500).map((a) => `${a.endpoint}: ${a.answer}`);
        expect.soft(broken, 'bodies with a long field name that got a 5xx or no answer').toEqual([]);
        const echoed = answers.filter((a) => a.echoed).map((a) => `${a.endpoint}: ${a.answer}`);
        expect.soft(echoed, 'answers that echo the whole long field name back').toEqual([]);
      });
    }
    await test.step('nobody was signed in by them', async () => {
      expect(await rp.signedInAs()).toBeNull();
    });
    await check('works', 'the user still signs in, and the account keeps its passkeys', async () => {
      await rp.signIn('username-first', username);
      expect(await rp.signedInAs()).toBe(username);
      if (before) expect(await passkeyIdsListed(rp)).toEqual(before);
    });
  });
});
