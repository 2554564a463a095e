namespace AmiAutomation.Aws.Execution;

/// <summary>Why the family re-count kept an image: a family rule (<see cref="Skipped"/> true) or a read failure
/// (<see cref="ErrorCode"/>).</summary>
internal sealed record FamilyRecheckResult(bool Skipped, string? ErrorCode, string Detail);
