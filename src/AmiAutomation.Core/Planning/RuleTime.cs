namespace AmiAutomation.Core.Planning;

/// <summary>One time-based rule of a policy and the instant it fires for an image (null: never by time alone).</summary>
public sealed record RuleTime(ReasonCode Code, DateTimeOffset? At, string Detail);
