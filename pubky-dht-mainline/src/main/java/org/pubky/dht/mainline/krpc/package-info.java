/**
 * The KRPC wire (BEP 5, 42, 43, 44): message writers, compact node and address forms, error
 * codes, and the allocation-free scanner that lets the receive loop drop junk without an
 * exception.
 */
package org.pubky.dht.mainline.krpc;
