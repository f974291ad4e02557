/** Application configuration shared by every feature. */
package io.incentivelab.base;
