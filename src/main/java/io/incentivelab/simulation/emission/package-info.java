/** Network emission: block emission by issuance with halvings and the 21M cap, issuance tracking, the subnet split. */
package io.incentivelab.simulation.emission;
