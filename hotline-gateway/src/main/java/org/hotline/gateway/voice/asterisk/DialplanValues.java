package org.hotline.gateway.voice.asterisk;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.regex.Pattern;
import org.asteriskjava.manager.action.ManagerAction;

/**
 * The one check on every value the gateway writes into an AMI action or a dialplan application's
 * arguments. AMI is a line protocol: a CR or LF in a value starts a new header, or a new action of
 * the sender's choosing. Dialplan applications split their arguments on commas (and {@code |} in old
 * versions), Dial reads {@code &} as "also ring" and {@code ^} as a separator in its options, and
 * {@code $(…)} is an expression: none of these ever belongs in a number, endpoint, queue or id.
 */
public final class DialplanValues {

    private static final Pattern FORBIDDEN = Pattern.compile("[\\p{Cntrl},&|^()$]");

    private DialplanValues() {}

    /** The value itself, or an {@link UnsafeValueException} naming the value's role (never the value). */
    public static String require(String name, String value) {
        if (value != null && FORBIDDEN.matcher(value).find()) {
            throw new UnsafeValueException(name + " has a character that is not allowed in an AMI action or dialplan argument");
        }
        return value;
    }

    /** Checks every text and every variable of an AMI action before it is sent; returns the action. */
    public static <A extends ManagerAction> A checked(A action) {
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(action.getClass()).getPropertyDescriptors()) {
                if (property.getReadMethod() == null || property.getReadMethod().getParameterCount() != 0) {
                    continue;
                }
                Object value = property.getReadMethod().invoke(action);
                String name = action.getAction() + "." + property.getName();
                if (value instanceof String text) {
                    require(name, text);
                } else if (value instanceof Map<?, ?> map) {
                    map.forEach((key, item) -> {
                        require(name + " name", String.valueOf(key));
                        require(name + " " + key, item == null ? null : String.valueOf(item));
                    });
                }
            }
            return action;
        } catch (IntrospectionException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot inspect AMI action " + action.getAction(), e);
        }
    }

    public static class UnsafeValueException extends IllegalArgumentException {
        public UnsafeValueException(String message) {
            super(message);
        }
    }
}
