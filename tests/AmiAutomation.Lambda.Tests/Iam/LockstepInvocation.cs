using AmiAutomation.Lambda.Tests.Iam.Recording;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>One function invocation of the lockstep: which function, deployed where, on which path, and every
/// authorization it needed.</summary>
internal sealed record LockstepInvocation(string Handler, string Region, string Scenario, InvocationRequests Authorizations);
