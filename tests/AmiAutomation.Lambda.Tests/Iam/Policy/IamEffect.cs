namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>A statement's Effect.</summary>
internal enum IamEffect
{
    Allow,
    Deny,
}
