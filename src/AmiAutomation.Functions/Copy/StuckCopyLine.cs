namespace AmiAutomation.Functions.Copy;

/// <summary>A copy pending for too long.</summary>
public sealed record StuckCopyLine(string CopyImageId, string Region, string? SourceImageId, DateTimeOffset PendingSince, int PendingMinutes);
