namespace AmiAutomation.TestHost.Functions;

internal sealed record SleepRequest(int Milliseconds);
