namespace AmiAutomation.Runtime.Tests.Support;

public sealed record GreetingRequest(string Name);
