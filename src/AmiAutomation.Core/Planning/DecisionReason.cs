namespace AmiAutomation.Core.Planning;

/// <summary>A reason code and the human detail behind it ("in use by lt-0abc v7").</summary>
public sealed record DecisionReason(ReasonCode Code, string Detail)
{
    public override string ToString() => $"{Code}: {Detail}";
}
