namespace AmiAutomation.Core.Restorability;

/// <summary>An image or snapshot as the Recycle Bin will judge it: its id and the tags it carries when deleted.</summary>
public sealed record TaggedResource(string Id, IReadOnlyDictionary<string, string> Tags);
