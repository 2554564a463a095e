namespace AmiAutomation.Cli.Planning;

/// <summary>One image of a <see cref="PlanFamily"/>.</summary>
public sealed record PlanFamilyImage(string ImageId, string Name, DateTimeOffset CreationDate);
