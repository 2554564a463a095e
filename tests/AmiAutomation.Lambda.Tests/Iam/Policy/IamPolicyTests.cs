using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Iam.Policy;

public sealed class IamPolicyTests
{
    private static readonly IamStackContext Stack = new("aws", "eu-west-1", "123456789012", new Dictionary<string, string>
    {
        ["LedgerTable.Arn"] = "arn:aws:dynamodb:eu-west-1:123456789012:table/ledger",
    });

    private const string KeepGuard = """
        - Sid: Deregister
          Effect: Allow
          Action: [ec2:DeregisterImage, ec2:Describe*]
          Resource: !Sub arn:${AWS::Partition}:ec2:${AWS::Region}::image/*
        - Sid: NeverDeregisterKept
          Effect: Deny
          Action: ec2:DeregisterImage
          Resource: "*"
          Condition:
            "Null":
              aws:ResourceTag/keep: "false"
            StringNotEqualsIgnoreCase:
              aws:ResourceTag/keep: "false"
        """;

    [Fact]
    public void Evaluate_AllowMatches_Allows()
    {
        var evaluation = Policy(KeepGuard).Evaluate(Image("ec2:DeregisterImage"));
        Assert.Equal(IamDecision.Allow, evaluation.Decision);
        Assert.Equal(["Deregister"], evaluation.Statements);
    }

    [Fact]
    public void Evaluate_DenyMatches_WinsOverAllow()
    {
        var evaluation = Policy(KeepGuard).Evaluate(Image("ec2:DeregisterImage", ("keep", "yes")));
        Assert.Equal(IamDecision.ExplicitDeny, evaluation.Decision);
        Assert.Equal(["NeverDeregisterKept"], evaluation.Statements);
    }

    [Theory]
    [InlineData("false", IamDecision.Allow)]
    [InlineData("FALSE", IamDecision.Allow)]
    [InlineData("", IamDecision.ExplicitDeny)]
    [InlineData("true", IamDecision.ExplicitDeny)]
    [InlineData(" false", IamDecision.ExplicitDeny)]
    public void Evaluate_DenyConditionsAreAnded(string keep, IamDecision expected) =>
        Assert.Equal(expected, Policy(KeepGuard).Evaluate(Image("ec2:DeregisterImage", ("keep", keep))).Decision);

    [Fact]
    public void Evaluate_NoStatementMatches_ImplicitDeny()
    {
        var policy = Policy(KeepGuard);
        Assert.Equal(IamDecision.ImplicitDeny, policy.Evaluate(Image("ec2:CreateTags")).Decision);
        Assert.Equal(IamDecision.ImplicitDeny, policy.Evaluate(new IamRequest("ec2:DeregisterImage", "arn:aws:ec2:us-east-1::image/ami-1")).Decision);
        Assert.Equal(IamDecision.ImplicitDeny, policy.Evaluate(new IamRequest("ec2:DeregisterImage", "arn:aws:ec2:eu-west-1::snapshot/snap-1")).Decision);
    }

    [Fact]
    public void Evaluate_ResourceStarInRequest_OnlyMatchesStarGrants()
    {
        var policy = Policy(KeepGuard);
        Assert.Equal(IamDecision.ImplicitDeny, policy.Evaluate(new IamRequest("ec2:DescribeImages", "*")).Decision);
        Assert.Equal(IamDecision.Allow, Policy("""
            - Effect: Allow
              Action: ec2:DescribeImages
              Resource: "*"
            """).Evaluate(new IamRequest("ec2:DescribeImages", "*")).Decision);
    }

    [Fact]
    public void Reader_ResolvesSubGetAttAndRef()
    {
        var policy = Policy("""
            - Sid: Ledger
              Effect: Allow
              Action: [dynamodb:PutItem]
              Resource: [!GetAtt LedgerTable.Arn, !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${LedgerTable.Arn}/x"]
              Condition:
                StringEquals:
                  aws:SourceAccount: !Ref AWS::AccountId
            """);
        var statement = Assert.Single(policy.Statements);
        Assert.Equal(["arn:aws:dynamodb:eu-west-1:123456789012:table/ledger", "arn:aws:dynamodb:eu-west-1:123456789012:table/arn:aws:dynamodb:eu-west-1:123456789012:table/ledger/x"], statement.Resources);
        Assert.Equal(["123456789012"], Assert.Single(statement.Conditions).Values);
    }

    [Fact]
    public void Reader_UnnamedStatement_GetsAPositionalSid() =>
        Assert.Equal("Test#0", Assert.Single(Policy("""
            - Effect: Allow
              Action: ec2:DescribeImages
              Resource: "*"
            """).Statements).Sid);

    [Theory]
    [InlineData("- {Effect: Allow, NotAction: ec2:*, Resource: '*'}")]
    [InlineData("- {Effect: Allow, Action: ec2:*, NotResource: '*'}")]
    [InlineData("- {Effect: Maybe, Action: ec2:*, Resource: '*'}")]
    [InlineData("- {Effect: Allow, Action: ec2:*, Resource: !Sub 'arn:${AWS::StackName}'}")]
    [InlineData("- {Effect: Allow, Action: ec2:*, Resource: !Sub 'arn:${Unknown.Arn}'}")]
    [InlineData("- {Effect: Allow, Action: ec2:*, Resource: !ImportValue x}")]
    [InlineData("- {Effect: Allow, Action: ec2:*, Resource: !Ref SomeParameter}")]
    public void Reader_UnmodelledConstruct_Throws(string yaml) =>
        Assert.ThrowsAny<Exception>(() => Policy(yaml));

    [Fact]
    public void WithoutGrant_RemovesTheActionFromEveryAllow_KeepsDenies()
    {
        var policy = Policy(KeepGuard).WithoutGrant("EC2:DeregisterImage");
        Assert.Equal(IamDecision.ImplicitDeny, policy.Evaluate(Image("ec2:DeregisterImage")).Decision);
        Assert.Contains(policy.Statements, s => s.Effect == IamEffect.Deny && s.Actions.Contains("ec2:DeregisterImage"));
        Assert.Equal(IamDecision.Allow, policy.Evaluate(Image("ec2:DescribeImages")).Decision);
    }

    [Fact]
    public void WithStatement_UnknownSid_Throws() =>
        Assert.Throws<ArgumentException>(() => Policy(KeepGuard).WithStatement("Nope", s => s));

    [Fact]
    public void Grants_ListsEveryAllowActionEntry() =>
        Assert.Equal(["ec2:DeregisterImage", "ec2:Describe*"], Policy(KeepGuard).Grants().Select(g => g.Action));

    private static IamRequest Image(string action, params (string Key, string Value)[] tags) =>
        new(action, "arn:aws:ec2:eu-west-1::image/ami-1") { ResourceTags = tags.ToDictionary(t => t.Key, t => t.Value) };

    private static IamPolicy Policy(string statementsYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(statementsYaml));
        var statements = (YamlSequenceNode)stream.Documents[0].RootNode;
        return new IamPolicy("Test", [.. statements.Children.Select((s, i) => IamPolicyReader.Statement((YamlMappingNode)s, $"Test#{i}", Stack))]);
    }
}
