/** Implementation details of the channels module (encoders, validation rules, hashing); not API. */
package chat.oxpulse.edge.channels.internal;
