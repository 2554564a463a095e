namespace AmiAutomation.Runtime.Tests.Support;

public sealed record GreetingResponse(string Greeting);
