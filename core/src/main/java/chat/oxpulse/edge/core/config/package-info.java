/**
 * The partner edge's configuration: {@link chat.oxpulse.edge.core.config.EdgeConfig} parsed from
 * {@code node-config.json} and merged with the operator environment, validated at the boundary so
 * that every problem is reported in one {@link chat.oxpulse.edge.core.config.InvalidConfigException}.
 */
package chat.oxpulse.edge.core.config;
