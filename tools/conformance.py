"""Regenerates docs/conformance.md: the reference behaviour IDs (from ../shared/spec) mapped to our tests.

Edit the mapping below when a test proves a new behaviour, then run: python3 tools/conformance.py
"""
import os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
import re
ref = open(os.path.join(ROOT, '..', 'shared', 'spec', 'reference-behaviours.md')).read()
rows = []
for line in ref.split('\n'):
    m = re.match(r'\| ((?:HS-[A-Z]+|HRL|RELAY)-\d+) \| ([^|]+) \|', line)
    if m:
        rows.append((m.group(1), m.group(2).strip()))
P='proved'; Q='partly'; N='not yet'
S='StorageApiIT'; A='AuthApiIT'; L='ListingContract'; C='CursorContract'
m = {}
def put(ids, status, ev):
    for i in ids.split():
        m[i] = (status, ev)
# HS-GEN
put('HS-GEN-001', P, 'AuthApiIT#infoAndRoot')
put('HS-GEN-002', Q, 'AuthApiIT#infoAndRoot (body, type, no-store); not with a user-keyed /info rule configured')
put('HS-GEN-003 HS-GEN-005', P, 'StorageApiIT#malformedPathAddressingIsAClientError')
put('HS-GEN-004', P, 'StorageApiIT#putGetHeadDeleteOnThePathAddressedRoute, AdminEventsIT (resource form in listings and events)')
put('HS-GEN-006', P, 'StorageApiIT#pathAddressingIgnoresLegacyTenantInputs')
put('HS-GEN-007', P, 'StorageApiIT#legacyAndPathAddressedRoutesShareTheSameFiles')
put('HS-GEN-008', Q, 'StorageApiIT#pathAddressingIgnoresLegacyTenantInputs (GET); HEAD with pubky-host: invalid not tested')
# HS-STO
put('HS-STO-001', Q, 'StorageApiIT#putGetHeadDeleteOnThePathAddressedRoute, #invalidPathAliasesCannotTouchTheRealFile; steps (b) and (f) not in one test')
put('HS-STO-002', P, 'StorageApiIT#fileAndFolderCannotCollide, CollisionContract#collisionRecoversAfterDelete')
put('HS-STO-003', P, 'CollisionContract#siblingsSharingANamePrefixDoNotCollide, StorageApiIT#fileAndFolderCannotCollide')
put('HS-STO-004', P, 'CollisionContract#overwriteIsNotACollision')
put('HS-STO-005', P, 'CollisionContract#collisionsArePerUser')
put('HS-STO-006', P, 'CollisionContract#directoryBlocksAFileOfItsName')
put('HS-STO-007', P, 'ConcurrencyContract (colliding concurrent puts: exactly one wins)')
put('HS-STO-008', P, 'AdminDavIT#filesCanBeWrittenReadListedAndDeleted, CollisionContract#repairWritesMayCreateFileAndDirectoryTwins')
put('HS-STO-009', Q, 'StorageApiIT#contentTypeComesFromMagicBytesThenExtension (JSON type); anonymous JSON round trip not asserted byte-exact')
put('HS-STO-010', Q, 'EventFeedIT (feed lines); shared-content delete across two users not tested over HTTP')
put('HS-STO-011', P, 'StorageApiIT#largeBodiesStreamThrough (3 MiB)')
put('HS-STO-012', N, 'per-user isolation is proven at store level (EntryContract); the HTTP scenario is not written')
put('HS-STO-013', P, 'StorageApiIT#legacyAndPathAddressedRoutesShareTheSameFiles')
put('HS-STO-014', P, 'StorageApiIT#invalidPathAliasesCannotTouchTheRealFile')
put('HS-STO-015 HS-STO-016 HS-STO-017', P, 'StorageApiIT#conditionalRequestsAnswerNotModified')
put('HS-STO-018', P, 'StorageApiIT#contentTypeComesFromMagicBytesThenExtension')
put('HS-STO-019', Q, 'ContentTypes extension table; the .txt case is asserted in StorageApiIT#putGetHeadDeleteOnThePathAddressedRoute')
put('HS-STO-020', Q, 'StorageApiIT#legacyAndPathAddressedRoutesShareTheSameFiles (Vary: pubky-host); 304 and listing headers on legacy routes not all asserted')
put('HS-STO-021', P, 'QuotaContract#overwriteIsChargedOnlyTheDifference, EventLogContract')
put('HS-STO-022', P, 'EntryContract (delete of a missing entry: NOT_FOUND, no event)')
put('HS-STO-023', P, 'ConcurrencyContract (concurrent deletes: exactly one succeeds)')
put('HS-STO-024', P, 'ConcurrencyContract (concurrent writers, one user and many users)')
# HS-LST
put('HS-LST-001', P, 'StorageApiIT#listingIsByteOrderedAndPaged, ListingContract#deepListingOfTheReference')
put('HS-LST-002', P, 'StorageApiIT#listingIsByteOrderedAndPaged, ListingContract#shallowListingOfTheReference, CursorContract#shallowCursorInsideAChildDirectorySkipsItGoingForward')
put('HS-LST-003', Q, 'StorageApiIT#listingIsByteOrderedAndPaged (limit, cursor); Vary not asserted for this case')
put('HS-LST-004', P, 'ListingContract#shallowListingShowsFileAndDirectoryTwinsFileFirst, CursorContract#limitOneWalksEveryChildExactlyOnce')
put('HS-LST-005', P, 'ListingContract#shallowReverseListingIsTheExactReverse')
put('HS-LST-006', P, 'ListingContract#deepListingWithCursorAndPaging')
put('HS-LST-007', P, 'ListingContract#deepReverseListing')
put('HS-LST-008', P, 'ListingContract#directoryExistsOnlyAboveFiles, StorageApiIT#listingIsByteOrderedAndPaged (404 Directory Not Found)')
put('HS-LST-009', P, 'StorageApiIT#listingIsByteOrderedAndPaged (cursor form <z32><path>)')
# HS-PRIV
put('HS-PRIV-001', P, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached')
put('HS-PRIV-002', Q, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached (GET/listing); anonymous PUT/DELETE/HEAD on /priv not each asserted')
put('HS-PRIV-003', Q, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached (scoped cookie 403 on GET)')
put('HS-PRIV-004', Q, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached (other tenant bearer GET 403)')
put('HS-PRIV-005', P, 'StorageApiIT#legacyAndPathAddressedRoutesShareTheSameFiles')
put('HS-PRIV-006 HS-PRIV-007 HS-PRIV-009 HS-PRIV-010', P, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached')
put('HS-PRIV-008', Q, 'HEAD on /priv not asserted separately')
put('HS-PRIV-011', Q, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached (legacy Vary); 304/HEAD/403 headers not each asserted')
put('HS-PRIV-012', P, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached')
put('HS-PRIV-013 HS-PRIV-014 HS-PRIV-015', Q, 'private policy decided on the normalized path (CachePolicy); /pub/../priv aliases not tested')
put('HS-PRIV-016', P, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached (401/404 without validators)')
put('HS-PRIV-017', P, 'StorageApiIT#putGetHeadDeleteOnThePathAddressedRoute')
# HS-AUTHZ
put('HS-AUTHZ-001 HS-AUTHZ-002', P, 'StorageApiIT#writesNeedTheOwnersSessionWithACoveringCapability')
put('HS-AUTHZ-003 HS-AUTHZ-013 HS-AUTHZ-015 HS-AUTHZ-024', P, 'StorageApiIT (root sessions write and read /pub and /priv)')
put('HS-AUTHZ-005 HS-AUTHZ-006 HS-AUTHZ-007 HS-AUTHZ-008 HS-AUTHZ-009 HS-AUTHZ-010 HS-AUTHZ-011 HS-AUTHZ-016 HS-AUTHZ-017 HS-AUTHZ-023 HS-AUTHZ-025', Q,
    'capability coverage: CapabilitiesTest (HS-CODEC-007) + StorageApiIT#writesNeedTheOwnersSessionWithACoveringCapability; not every case over HTTP')
put('HS-AUTHZ-004', N, 'empty-capability session write not tested')
put('HS-AUTHZ-012 HS-AUTHZ-021', Q, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached (cross-tenant read 403); cross-tenant write message not asserted')
put('HS-AUTHZ-014 HS-AUTHZ-026', P, 'StorageApiIT#writesNeedTheOwnersSessionWithACoveringCapability')
put('HS-AUTHZ-018 HS-AUTHZ-019', P, 'StorageApiIT (anonymous and session reads of /pub)')
put('HS-AUTHZ-020 HS-AUTHZ-022', P, 'StorageApiIT#privateStorageIsOwnerOnlyAndNeverCached')
put('HS-AUTHZ-027', N, 'listing a parent directory with a narrower scope not tested')
put('HS-AUTHZ-028 HS-AUTHZ-029 HS-AUTHZ-030', P, 'StreamAuthorizerTest (multi-user public, private without single tenant)')
# HS-AUTH
put('HS-AUTH-001 HS-AUTH-007', P, 'AuthApiIT#cookieSignupReturnsTheSessionRecordAndACookie')
put('HS-AUTH-002', P, 'Api.signinCookie in StorageApiIT (POST /session after signup)')
put('HS-AUTH-003', P, 'StorageApiIT#writesNeedTheOwnersSessionWithACoveringCapability (same caps, signed in directly rather than through the relay)')
put('HS-AUTH-004', N, 'needs the signup-intent deep link flow through the HTTP relay (client side)')
put('HS-AUTH-005', P, 'AdminApiIT#aDisabledUserCanReadDeleteAndSignInButNotWrite')
put('HS-AUTH-006', P, 'AuthApiIT#cookieSignupReturnsTheSessionRecordAndACookie (stored secret presented again)')
put('HS-AUTH-008', P, 'AuthApiIT#signoutIsIdempotentAndKillsTheCookie')
put('HS-AUTH-009 HS-AUTH-010 HS-AUTH-011', P, 'SessionCookiesTest, AuthApiIT#secureCookieAttributesDependOnTheHost')
put('HS-AUTH-012', P, 'AuthApiIT#anAuthTokenIsAcceptedOnce, AuthTokenTest')
put('HS-AUTH-013', P, 'AuthApiIT#cookieSignupReturnsTheSessionRecordAndACookie (26 uppercase Crockford chars)')
put('HS-AUTH-014 HS-AUTH-015 HS-AUTH-016 HS-AUTH-017', P, 'StorageApiIT#writesNeedTheOwnersSessionWithACoveringCapability, AuthApiIT#signoutIsIdempotentAndKillsTheCookie (anonymous → 401)')
put('HS-AUTH-018 HS-AUTH-019', P, 'AuthApiIT#unusableBearersLeaveTheRequestAnonymous')
# HS-GRANT
put('HS-GRANT-001 HS-GRANT-019 HS-GRANT-023', P, 'AuthApiIT#grantSignupSessionAndWrite')
put('HS-GRANT-002 HS-GRANT-011', Q, 'scoped bearer behaviour in StorageApiIT/AuthApiIT; the deep-link flow through the relay is client-side')
put('HS-GRANT-003 HS-GRANT-004 HS-GRANT-005 HS-GRANT-007 HS-GRANT-024 HS-GRANT-025 HS-GRANT-031', P, 'AuthApiIT#reMintingRotatesTheBearerAndSignoutRevokesTheGrant')
put('HS-GRANT-006', Q, 'AuthApiIT#rootSessionsListAndRevokeGrants (list); signout of one grant leaving another not asserted')
put('HS-GRANT-008', P, 'AdminApiIT#aDisabledUserCanReadDeleteAndSignInButNotWrite')
put('HS-GRANT-009 HS-GRANT-010 HS-GRANT-012 HS-GRANT-013 HS-GRANT-014 HS-GRANT-028 HS-GRANT-029', P, 'AuthApiIT#rootSessionsListAndRevokeGrants')
put('HS-GRANT-015 HS-GRANT-016 HS-GRANT-017 HS-GRANT-018', Q, 'AuthApiIT#grantErrorsMapToTheReferenceStatuses, #signupGrantRules, #signupErrorsFollowTheReference; not every mapping row')
put('HS-GRANT-020', Q, 'AuthApiIT#grantErrorsMapToTheReferenceStatuses (unknown user)')
put('HS-GRANT-021 HS-GRANT-022 HS-GRANT-035 HS-GRANT-036 HS-GRANT-039 HS-GRANT-040 HS-GRANT-043', P, 'AuthApiIT#grantErrorsMapToTheReferenceStatuses')
put('HS-GRANT-026 HS-GRANT-027 HS-GRANT-046 HS-GRANT-047 HS-GRANT-048 HS-GRANT-049 HS-GRANT-050', P, 'AuthApiIT#unusableBearersLeaveTheRequestAnonymous, GrantContract (expired bearer)')
put('HS-GRANT-030 HS-GRANT-032 HS-GRANT-033', P, 'GrantContract')
put('HS-GRANT-034 HS-GRANT-038 HS-GRANT-044', P, 'JwsTest, AuthVectorsTest')
put('HS-GRANT-037 HS-GRANT-041 HS-GRANT-042', Q, 'JwsTest (verifier messages); not asserted over HTTP')
put('HS-GRANT-045', P, 'AuthVectorsTest (bearer vector), AuthApiIT#reMintingRotatesTheBearerAndSignoutRevokesTheGrant')
put('HS-GRANT-051', P, 'Credentials + AuthApiIT#unusableBearersLeaveTheRequestAnonymous, EventStreamAuthIT')
# HS-SIGNUP
put('HS-SIGNUP-001 HS-SIGNUP-002', Q, 'AdminApiIT#mintedTokensAreListedAndMarkedUsedBySignup, SignupContract; GET /signup_tokens states not asserted over HTTP')
put('HS-SIGNUP-003', P, 'AuthApiIT#grantSignupSessionAndWrite (open grant signup)')
put('HS-SIGNUP-004 HS-SIGNUP-008', P, 'AdminApiIT#aTokenTemplateBecomesTheNewUsersLimits, SignupContract')
put('HS-SIGNUP-005 HS-SIGNUP-009', P, 'TokenSignupPolicyTest#missingTokenIsTheReferenceError, SignupContract')
put('HS-SIGNUP-006', P, 'AuthApiIT#grantSignupSessionAndWrite')
put('HS-SIGNUP-007', P, 'AuthApiIT#signupErrorsFollowTheReference')
put('HS-SIGNUP-010 HS-SIGNUP-011', P, 'SignupContract (unknown and used tokens, 16-thread race)')
put('HS-SIGNUP-012 HS-SIGNUP-013', P, 'AuthApiIT#signupGrantRules')
put('HS-SIGNUP-014 HS-SIGNUP-015', P, 'AdminApiIT#aTokenTemplateBecomesTheNewUsersLimits, AdminServiceTest#mintedTokensCarryTheirTemplate')
# HS-EVT (events helper)
ev = {
 '001':'EventFeedIT#pagesOfTenWithACursorLineAndNoTrailingNewline','002':'EventFeedIT#aWriteIsInTheFeedAndReadableAtOnce',
 '003':'EventFeedIT#privateEventsNeverAppearAndDoNotShortenPages','004':'EventFeedIT#privateEventsNeverAppearAndDoNotShortenPages, EventServiceTest#feedPagesArePublicOnlyAndFull',
 '005':'EventServiceTest#feedPagesArePublicOnlyAndFull','006':'EventFeedIT#cursorsAreExclusiveAndLimitsAreLenient',
 '007':'EventFeedIT#aLegacyTimestampCursorNamesTheEventCreatedAtThatTime, EventCursorsTest',
 '008':'EventStreamIT#batchModeLimitLiveAndReverse, #messagesAreByteExactWithoutIdsAndTheHashMatchesTheEtag, #userWithoutEventsEndsAtOnceInBatchModeAndWaitsInLiveMode',
 '009':'EventStreamIT#pathFiltersSelectDirectoriesOrExactFiles','010':'EventStreamIT#cursorsArePerUser',
 '011':'EventStreamIT#invalidRequestsAreClientErrorsWithTheStreamsCacheHeaders, #pathValuesGetALeadingSlashAndEmptyOnesAreIgnored',
 '012':'EventStreamAuthIT#anonymousStreamsSeeOnlyPublicEvents','013':'EventStreamAuthIT#anonymousStreamsSeeOnlyPublicEvents',
 '014':'EventStreamAuthIT#theOwnersBearerReadsPrivateFiltersAndOnlyThose','015':'EventStreamAuthIT#otherUsersScopesAndMultiUserPrivateRequestsAreForbidden',
 '016':'EventStreamAuthIT#liveStreamsFilterPrivateEventsByScope','017':'EventStreamAuthIT#liveStreamsFilterPrivateEventsByScope',
 '018':'EventStreamAuthIT#cookiesAreChosenByTheOnlyUserAndIgnoredOnceABearerSchemeIsPresented','019':'EventStreamAuthIT#cookiesAreChosenByTheOnlyUserAndIgnoredOnceABearerSchemeIsPresented',
 '020':'EventStreamAuthIT#cookiesAreChosenByTheOnlyUserAndIgnoredOnceABearerSchemeIsPresented',
 '021':'EventStreamAuthIT#revokingTheGrantClosesItsPrivateStreamWithinFiveSecondsButNotPublicStreams',
 '022':'EventStreamAuthIT#signingOutClosesTheCookiesPrivateStreamWithinFiveSeconds',
 '023':'EventStreamAuthIT#revokingTheGrantClosesItsPrivateStreamWithinFiveSecondsButNotPublicStreams',
 '024':'EventStreamIT#cursorsArePerUser','025':'EventStreamAuthIT#theOwnersBearerReadsPrivateFiltersAndOnlyThose',
 '026':'EventStreamAuthIT#cookiesAreChosenByTheOnlyUserAndIgnoredOnceABearerSchemeIsPresented','027':'EventStreamAuthIT#liveStreamsFilterPrivateEventsByScope',
 '029':'StreamRequestTest','030':'StreamRequestTest','031':'StreamRequestTest','032':'StreamRequestTest',
 '041':'EventStreamIT, EventStreamAuthIT','042':'EventServiceTest#filterUnionsBoundariesAndLiteralWildcards','043':'EventServiceTest#filterUnionsBoundariesAndLiteralWildcards',
 '044':'EventServiceTest#filterUnionsBoundariesAndLiteralWildcards','045':'EventServiceTest#filterUnionsBoundariesAndLiteralWildcards',
 '049':'EventServiceTest#liveStreamsGetNewEventsAndTheLimitEndsThem'}
for k,v in ev.items(): put('HS-EVT-'+k, P, v)
for k in range(33,41): put('HS-EVT-%03d'%k, P, 'StreamAuthorizerTest')
put('HS-EVT-028', Q, 'Basic vs invalid Bearer tested (EventStreamAuthIT); non-UTF-8 bearer bytes not tested')
put('HS-EVT-046 HS-EVT-047 HS-EVT-048', N, 'reference revocation-broadcast internals; here private streams re-check their credential every 2 s (docs/events.md)')
# HS-QUO
put('HS-QUO-001', P, 'LimitsIT#defaultStorageQuotaCountsLengthPlus256')
put('HS-QUO-002', N, 'quota with bandwidth throttling together not tested')
put('HS-QUO-003 HS-QUO-014', P, 'AdminQuotaIT#aPerUserStorageLimitAppliesToTheNextWrite')
put('HS-QUO-004 HS-QUO-005 HS-QUO-006 HS-QUO-007', Q, 'StorageService early Content-Length check; PoliciesIT (507); boundary cases not each over HTTP')
put('HS-QUO-008 HS-QUO-009 HS-QUO-010 HS-QUO-011 HS-QUO-012 HS-QUO-013', P, 'QuotaContract')
# HS-RL
put('HS-RL-002 HS-RL-003 HS-RL-006 HS-RL-008 HS-RL-009', Q, 'RateLimiterTest (1r/m, whitelist, user/ip keys, Retry-After 1..60); not over HTTP yet')
put('HS-RL-018', P, 'GlobPatternTest')
put('HS-RL-001 HS-RL-007 HS-RL-011', P, 'LimitsIT#requestCountRulesAnswer429WithRetryAfter')
put('HS-RL-010', P, 'LimitsIT#pathAddressedRulesMatchTheStoragePathAndKeyOnTheOwner')
put('HS-RL-004', P, 'LimitsIT#bandwidthIsThrottledNotRefused')
put('HS-RL-014', Q, 'LimitsIT#bandwidthIsThrottledNotRefused (one anonymous download throttled); two parallel downloads sharing the budget not tested')
put('HS-RL-019', P, 'RateLimiterTest#burstAllowsBackToBackRequests')
put('HS-RL-020 HS-RL-021', P, 'RateLimiterTest#rulesValidateTheirConfiguration')
put('HS-RL-005 HS-RL-012 HS-RL-013 HS-RL-015 HS-RL-016 HS-RL-017', Q, 'ThrottleTest (a throttled stream runs at its rate), BandwidthRateTest; end-to-end timing over HTTP not tested')
# HS-ADM (admin helper)
adm = {'001':'AdminQuotaIT#effectiveLimitsShowTheDefaultsAndInfoShowsThePublishedAddresses','002':'AdminQuotaIT#infoCountersTrackUsersDiskAndTokens',
 '003':'AdminQuotaIT#theWriteAllowListRestrictsPutAndDeleteButNotReads','005':'AdminApiIT#rootNeedsNoPassword','006':'AdminApiIT#everyProtectedRouteNeedsThePassword',
 '007':'AdminApiIT#everyProtectedRouteNeedsThePassword','008':'AdminApiIT#mintedTokensAreListedAndMarkedUsedBySignup','009':'AdminServiceTest#unusedTokensPageWithANextCursorOnlyWhenMoreRemain',
 '010':'AdminApiIT#mintedTokensAreListedAndMarkedUsedBySignup','011':'AdminServiceTest#stateFiltersOrderAndUsedInformation','012':'AdminServiceTest#stateFiltersOrderAndUsedInformation',
 '013':'AdminApiIT#badTokenQueriesAre400','014':'AdminApiIT#aTokenTemplateBecomesTheNewUsersLimits','015':'AdminDavIT#theRootListsUsers','016':'AdminDavIT#filesCanBeWrittenReadListedAndDeleted',
 '017':'AdminDavIT#aPutOverTheQuotaIs500AsInTheReference','018':'AdminDavIT#onlyBasicAdminWithThePasswordIsAccepted','020':'AdminEventsIT#everyEventIncludingPrivateOnesInIdOrder',
 '021':'AdminEventsIT#userPathCursorAndReverseFilters','022':'AdminEventsIT#userPathCursorAndReverseFilters','023':'AdminEventsIT#userPathCursorAndReverseFilters','024':'AdminEventsIT#everyEventIncludingPrivateOnesInIdOrder',
 '025':'AdminQuotaIT#quotaCrudWithTriStatePatches','026':'AdminQuotaIT#effectiveLimitsShowTheDefaultsAndInfoShowsThePublishedAddresses','027':'AdminQuotaIT#invalidPatchesAreRefusedAndChangeNothing',
 '028':'AdminQuotaIT#invalidPatchesAreRefusedAndChangeNothing','029':'QuotaJsonTest#patchesKeepAbsentFieldsResetNullsAndSetValues','030':'QuotaJsonTest#patchesKeepAbsentFieldsResetNullsAndSetValues',
 '031':'QuotaJsonTest#absentAndNullAreDefaultAndDefaultsAreOmitted','032':'QuotaJsonTest#absentAndNullAreDefaultAndDefaultsAreOmitted','033':'QuotaJsonTest#everyFieldRoundTripsInTheReferenceOrder',
 '034':'QuotaJsonTest#bandwidthRatesFollowTheReferenceGrammar','035':'QuotaJsonTest#burstsNeedAnExplicitRateAndStayInRange','036':'QuotaJsonTest#burstsNeedAnExplicitRateAndStayInRange',
 '037':'QuotaJsonTest#writePathsAreCanonicalDistinctAndNotTheRoot','038':'QuotaJsonTest#writePathsAreCanonicalDistinctAndNotTheRoot','039':'QuotaJsonTest#allowListMatchesDirectoriesByPrefixAndFilesExactly, AdminQuotaIT#theWriteAllowListRestrictsPutAndDeleteButNotReads',
 '040':'QuotaJsonTest#allowListMatchesDirectoriesByPrefixAndFilesExactly','041':'QuotaJsonTest#allowListMatchesDirectoriesByPrefixAndFilesExactly','042':'AdminApiIT#theRepairDeleteRemovesAPublicFileWithADelEvent',
 '043':'AdminApiIT#theRepairDeleteRemovesAPublicFileWithADelEvent','044':'AdminApiIT#theRepairDeleteRemovesAPublicFileWithADelEvent','045':'AdminApiIT#aDisabledUserCanReadDeleteAndSignInButNotWrite','046':'AdminApiIT#aDisabledUserCanReadDeleteAndSignInButNotWrite'}
for k,v in adm.items(): put('HS-ADM-'+k, P, v)
put('HS-ADM-004 HS-ADM-019', Q, 'AdminEventsIT (stream content and errors); the admin password on the stream is checked by AdminAuthFilter, not yet asserted in a stream test')
put('HS-MET-002', P, 'MetricsIT#signupsStorageRequestsAndRoutesAreCountedWithoutSecrets')
put('HS-MET-001 HS-MET-003', Q, 'MetricsIT#signupsStorageRequestsAndRoutesAreCountedWithoutSecrets (signup, storage, no secrets); event-stream metrics not wired')
for i in range(1,9): put('HS-PKARR-%03d'%i, N, 'PKARR publishing lands with the PKARR relay work (issue 4/5)')
put('HRL-001 HRL-002', Q, 'HttpRelayIT#linkHandsOffInBothOrders, #inboxLongPollReceivesALaterMessage (relay side); the auth flow is client-side')
for i in range(1,28): put('RELAY-%03d'%i, N, 'the PKARR relay HTTP API is in progress (issue 4/5)')
# codec
codec = {'001':'CapabilitiesTest#parseErrorsAreInformative','002':'CapabilitiesTest#listParsingIsAllOrNothingAndNamesTheFirstBadEntry','003':'CapabilitiesTest#emptyEntriesAreRejected',
 '004':'CapabilitiesTest#actionsSerializeDeduplicatedReadBeforeWrite, #normalizationMergesEqualScopesAndDropsCoveredOnes','005':'CapabilitiesTest#scopeMustBeACanonicalPathWithoutWireDelimiters',
 '006':'CapabilitiesTest#jsonFormIsOneCommaJoinedString','007':'CapabilitiesTest#directoryScopeCoversItselfAndDescendantsOnly, #fileScopeCoversOnlyTheExactPath','008':'StoragePathTest#normalizerHandlesWebdavAliases',
 '009':'StoragePathTest#normalizerReportsRelativeInputAndTraversalAboveRoot','010':'StoragePathTest#rejectsAsciiAndUnicodeControls','011':'StoragePathTest#rejectsBackslashes','012':'StoragePathTest#rejectsTrailingUnicodeWhitespace',
 '013':'StoragePathTest#enforcesTheDecodedSegmentByteLimit','014':'StoragePathTest#enforcesTheTotalByteLimitBeforeOtherErrors','015':'StoragePathTest#strictParserAcceptsCanonicalDecodedPaths',
 '016':'AuthTokenTest#layoutAndSignatureRange, AuthVectorsTest#authTokenIsByteExact','017':'AuthTokenTest#clockWindowIsPlusMinus180SecondsInclusive','018':'AuthTokenTest#unknownVersionIsRejectedBeforeAnythingElse',
 '019':'JwsTest#randomIdsAre1To22Base64UrlCharacters','020':'JwsTest#clientIdIsOneTo253Bytes','021':'JwsTest#headerIsExactlyAlgThenTyp, #exactlyThreePartsAreRequired'}
for k,v in codec.items(): put('HS-CODEC-'+k, P, v)
put('HS-MI-001', Q, 'EventServiceTest#anotherInstanceOnTheSameStoreSeesEveryWrite (two services, one store), NotificationIT (PostgreSQL LISTEN across two store instances)')
put('HS-MI-002 HS-MI-004', P, 'EventServiceTest#lostNotificationsAreCoveredByPolling')
put('HS-MI-006', P, 'EventLogContract (a reader following the log misses nothing), EventOrderIT (JDBC)')
out = ['# Conformance with the reference behaviours', '',
 'Every behaviour that the reference implementation\'s own tests pin is listed in',
 '`shared/spec/reference-behaviours.md` with an ID. This table maps each ID to the test of ours that',
 'proves it. **proved** = every sub-step the line lists is asserted; **partly** = the core of it is',
 'asserted and the note says what is not; **not yet** = no test, with the reason.', '',
 'Test classes: `*IT` in `pubky-embedded/src/test` run against a real server over HTTP;',
 '`*Contract` are compliance-kit contracts in `pubky-spi-tck`, run on every storage backend',
 '(memory, LMDB, JDBC on H2, PostgreSQL and MariaDB); the rest are unit tests in `pubky-core`.', '']
counts = {}
groups = []
for rid, area in rows:
    g = rid.rsplit('-',1)[0]
    st, ev = m.get(rid, (N, 'no test yet'))
    counts.setdefault(g, {P:0,Q:0,N:0}); counts[g][st]+=1
    if g not in groups: groups.append(g)
out.append('## Summary'); out.append('')
out.append('| group | proved | partly | not yet |'); out.append('|---|---|---|---|')
tot={P:0,Q:0,N:0}
for g in groups:
    c=counts[g]; out.append(f'| {g} | {c[P]} | {c[Q]} | {c[N]} |')
    for k in tot: tot[k]+=c[k]
out.append(f'| **all {len(rows)}** | **{tot[P]}** | **{tot[Q]}** | **{tot[N]}** |'); out.append('')
cur=None
for rid, area in rows:
    g = rid.rsplit('-',1)[0]
    if g!=cur:
        out += ['', f'## {g}', '', '| ID | area | status | evidence |', '|---|---|---|---|']; cur=g
    st, ev = m.get(rid, (N, 'no test yet'))
    out.append(f'| {rid} | {area} | {st} | {ev} |')
open(os.path.join(ROOT, 'docs', 'conformance.md'), 'w').write('\n'.join(out)+'\n')
print(tot, len(rows))
missing=[r for r,_ in rows if r not in m]; print('unmapped', missing)
