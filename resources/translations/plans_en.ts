<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Plans</name>
    <message numerus="yes">
        <source>Remove the goal “%1” and its %n task(s)?</source>
        <translation>
            <numerusform>Remove the goal “%1” and its %n task?</numerusform>
            <numerusform>Remove the goal “%1” and its %n tasks?</numerusform>
        </translation>
    </message>
</context>
</TS>
