namespace AmiAutomation.TestHost.Functions;

internal sealed record BigRequest(int? Bytes);
