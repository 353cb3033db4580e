package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.choice.ChoiceRule;
import io.mlpipe.engine.jsonata.JsonataTemplate;
import io.mlpipe.engine.runtime.StateRun;

import java.util.List;

/**
 * "A Choice state adds branching logic": "the interpreter evaluates the Choice Rules in array
 * order and transitions to the Next of the first that matches"; with none, it takes "Default",
 * and without Default "raises States.NoChoiceMatched".
 */
final class ChoiceState extends AbstractState {
    /** One entry of "Choices": its rule, Next, and the Assign / Output it applies when chosen. */
    record Choice(ChoiceRule rule, String next, Assignment assign, JsonataTemplate output) {}

    private final List<Choice> choices;
    private final String defaultNext;

    ChoiceState(Common common, List<Choice> choices, String defaultNext) {
        super(common);
        this.choices = choices;
        this.defaultNext = defaultNext;
    }

    public String type() { return "Choice"; }

    List<Choice> choices() { return choices; }

    String defaultNext() { return defaultNext; }

    public JsonNode execute(JsonNode input, StateRun run) {
        for (Choice c : choices) {
            if (c.rule().test(input, run)) {
                run.choose(c.next(), c.assign(), c.output());
                return input;
            }
        }
        if (defaultNext == null) throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
        run.choose(defaultNext, null, null);
        return input;
    }
}
