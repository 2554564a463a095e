namespace AmiAutomation.Simulation.State;

/// <summary>A reference only DescribeImageReferences reports (SSM parameter, Image Builder recipe, ...).</summary>
internal sealed record ExternalReference(string ImageId, string ResourceType, string Arn);
