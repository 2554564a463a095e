using System.Globalization;

namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>
/// Where the stack is deployed, for resolving the template's <c>!Sub</c>, <c>!Ref</c> and <c>!GetAtt</c> in policies:
/// the pseudo parameters and the ARNs of the stack's own resources (<see cref="Attributes"/>, keyed
/// <c>LogicalId.Attribute</c>). Anything else fails to resolve, loudly.
/// </summary>
internal sealed record IamStackContext(string Partition, string Region, string AccountId, IReadOnlyDictionary<string, string> Attributes)
{
    public string Pseudo(string name) => name switch
    {
        "AWS::Partition" => Partition,
        "AWS::Region" => Region,
        "AWS::AccountId" => AccountId,
        "AWS::URLSuffix" => "amazonaws.com",
        _ => throw new InvalidOperationException($"IAM evaluator: cannot resolve '{name}' (only AWS::Partition, AWS::Region, AWS::AccountId, AWS::URLSuffix)."),
    };

    public string Attribute(string logicalIdAndAttribute) =>
        Attributes.TryGetValue(logicalIdAndAttribute, out var value)
            ? value
            : throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"IAM evaluator: no value for !GetAtt {logicalIdAndAttribute}; add it to the {nameof(IamStackContext)} of the lockstep."));

    /// <summary>Replaces every <c>${Name}</c> of a <c>!Sub</c> string (pseudo parameters and <c>Logical.Attribute</c>).</summary>
    public string Substitute(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new InvalidOperationException($"IAM evaluator: unterminated ${{ in !Sub '{template}'.");
            }

            result.Append(template, i, open - i);
            var name = template[(open + 2)..close];
            result.Append(name.StartsWith("AWS::", StringComparison.Ordinal) ? Pseudo(name) : Attribute(name));
            i = close + 1;
        }

        return result.ToString();
    }
}
