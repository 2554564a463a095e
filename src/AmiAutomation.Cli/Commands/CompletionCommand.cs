using System.CommandLine;

namespace AmiAutomation.Cli.Commands;

/// <summary>
/// <c>completion bash|zsh|fish|pwsh</c>: prints a script that asks the CLI itself for completions through
/// System.CommandLine's <c>[suggest:POSITION] "COMMAND LINE"</c> directive, so commands, options and fixed choices
/// (functions, shells) complete without any other tool (no dotnet-suggest needed).
/// </summary>
internal static class CompletionCommand
{
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish", "pwsh"];

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell")
        {
            Description = $"The shell: {string.Join(", ", Shells)}.",
        };
        CommonOptions.OnlyFrom(shell, "shell", Shells);
        var command = new Command(
            "completion",
            "Print a shell completion script. bash: eval \"$(ami-automation completion bash)\" in ~/.bashrc; "
            + "zsh: the same in ~/.zshrc; fish: ami-automation completion fish | source; pwsh: ami-automation completion pwsh | Out-String | Invoke-Expression.")
        {
            shell,
        };
        command.SetAction(async (parse, _) =>
        {
            await context.Console.Out.WriteAsync(Script(parse.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static string Script(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => "autoload -U +X bashcompinit && bashcompinit\n" + Bash,
        "fish" => """
            # ami-automation completion for fish
            complete -c ami-automation -f -a '(ami-automation "[suggest:"(string length -- (commandline -cp))"]" (commandline -cp) 2>/dev/null)'

            """,
        "pwsh" => """
            # ami-automation completion for PowerShell
            Register-ArgumentCompleter -Native -CommandName ami-automation -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.ToString()
                ami-automation "[suggest:$cursorPosition]" "$line" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, $"expected one of {string.Join(", ", Shells)}"),
    };

    // COMP_LINE up to the cursor is the command line; the CLI answers one completion per line.
    private const string Bash = """
        # ami-automation completion for bash
        _ami_automation_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(ami-automation "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _ami_automation_complete ami-automation

        """;
}
