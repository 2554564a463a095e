namespace AmiAutomation.Core.Images;

/// <summary>One row of an AMI usage report: how many resources of one type in one account use the image.</summary>
public sealed record ImageUsageEntry(string AccountId, string ResourceType, long Count);
