package org.pubky.dht.mainline;

import java.util.List;

/**
 * The end of an iterative lookup.
 *
 * @param closest the responders closest to the target (at most K), closest first
 * @param queried how many queries the lookup sent
 * @param responded how many of them were answered
 */
record LookupResult(List<Responder> closest, int queried, int responded) {
}
