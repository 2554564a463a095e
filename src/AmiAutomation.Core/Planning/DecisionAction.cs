namespace AmiAutomation.Core.Planning;

/// <summary>What a decision does to its image. <see cref="None"/> means skipped; the reasons say why.</summary>
public enum DecisionAction
{
    None,
    Deprecate,
    Deregister,
    Copy,
    FinishCopy,
    Restore,

    /// <summary>DisableImage (the expire function's disable stage): reversible with EnableImage, but it drops every
    /// launch permission and stops launches, so it is planned, capped and re-checked like a deregistration.</summary>
    Disable,
}

public static class DecisionActionExtensions
{
    /// <summary>Destructive actions are blocked whenever the inventory is incomplete, and re-checked before they run.</summary>
    public static bool IsDestructive(this DecisionAction action) => action is DecisionAction.Deregister or DecisionAction.Disable;
}
