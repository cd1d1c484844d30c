/** The message envelope shared by every capability: header, kinds, reason codes. */
package org.ncbgateway.message;
