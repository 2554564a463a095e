namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>Where the simulator's CallLog and the <see cref="PermissionLog"/> stood before an invocation.</summary>
internal readonly record struct LogMark(int Calls, int Requests, int ProxiedCalls);
