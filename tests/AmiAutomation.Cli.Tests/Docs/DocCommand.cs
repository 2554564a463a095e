namespace AmiAutomation.Cli.Tests.Docs;

/// <summary>One shell command of a document: where it starts, its text, and why it is not run (null: it is run).</summary>
internal sealed record DocCommand(int Line, string Text, string? Skip)
{
    public override string ToString() => $"README.md:{Line}: {Text}";
}
