/** The homeserver client API: storage, auth, events and discovery routes. */
package org.pubky.jaxrs.client;
