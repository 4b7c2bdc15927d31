/** Pieces every HTTP face shares: error mapping, CORS, plain-text responses, bounded body reads. */
package org.pubky.jaxrs.common;
