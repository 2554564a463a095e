namespace AmiAutomation.Aws.Inventory;

/// <summary>One thing that can launch an image: its id (launch configuration name, sir-…, sfr-…) and the image id it names
/// (null or empty when it names none: the source reading it is then not trusted, see <see cref="ConsumerCollector"/>).</summary>
internal readonly record struct Consumer(string ResourceId, string? ImageId);
