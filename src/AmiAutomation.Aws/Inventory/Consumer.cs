namespace AmiAutomation.Aws.Inventory;

/// <summary>One thing that can launch an image: its id (launch configuration name, sir-…, sfr-…) and the image id it names
/// (null when it names none, e.g. a Spot Fleet launch-template config).</summary>
internal readonly record struct Consumer(string ResourceId, string? ImageId);
